package extract_test
import ("testing";"fmt";"os";"github.com/wallwatch/wallwatch/internal/model")
func TestDbgX(t *testing.T){
 x := newExtractor(t)
 b,_:=os.ReadFile(os.Getenv("DBG_FILE"))
 text:=string(b)
 for _,m:=range x.Extract(func() model.Document { d := document(os.Getenv("DBG_PUB"), text); d.Language = os.Getenv("DBG_LANG"); return d }()){
  fmt.Println(m.Type, m.Date.Start.Format("2006-01-02"), m.Place.Country, m.Place.Name, "|", m.Facility, "|", m.Perpetrators, m.Salience)
  for _,c:=range m.Claims{ fmt.Printf("   %s %v %s [%s] %.90q\n", c.Metric, fmt.Sprint(bnd(c.Low),"..",bnd(c.High)), c.Side, c.Claimant, c.Quote) }
 }
}
func bnd(v *int) string { if v==nil {return ""}; return fmt.Sprint(*v) }
