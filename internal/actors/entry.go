package actors

import "github.com/wallwatch/wallwatch/internal/model"

// Kinds of actor, the values of model.Actor.Kind.
const (
	KindArmedGroup       = "armed_group"       // insurgents, jihadist groups, gangs, cartels
	KindStateForce       = "state_force"       // armies, police, prison services
	KindGovernment       = "government"        // governments, ministries, local authorities
	KindMonitor          = "monitor"           // NGOs, UN bodies, observatories, research groups
	KindMedia            = "media"             // news organisations
	KindPerpetratorMedia = "perpetrator_media" // an armed group's own news outlet
)

// defaultRoles gives the claim role of each kind when a row leaves the role empty.
var defaultRoles = map[string]model.Role{
	KindArmedGroup:       model.RolePerpetrator,
	KindStateForce:       model.RoleDefender,
	KindGovernment:       model.RoleGovernment,
	KindMonitor:          model.RoleIndependent,
	KindMedia:            model.RoleMedia,
	KindPerpetratorMedia: model.RolePerpetrator,
}

// claimRoles are the roles a row may give explicitly.
var claimRoles = map[model.Role]bool{
	model.RolePerpetrator: true,
	model.RoleDefender:    true,
	model.RoleGovernment:  true,
	model.RoleIndependent: true,
	model.RoleMedia:       true,
}

// Relation says how an actor stands to its parent. Every relation puts the actor in its
// parent's family (see [Dictionary.Family]).
type Relation string

// Relations to a parent organisation.
const (
	RelationBranch      Relation = "branch"      // a province or affiliate that pledged allegiance
	RelationPredecessor Relation = "predecessor" // an earlier name or form of the parent
	RelationFaction     Relation = "faction"     // a component, member group or wing
	RelationAffiliate   Relation = "affiliate"   // an allied group close enough to be blamed interchangeably
	RelationSplinter    Relation = "splinter"    // a group that broke away from the parent
	RelationAgency      Relation = "agency"      // a ministry, force or service of a government
	RelationOutlet      Relation = "outlet"      // the parent's own media
)

var relations = map[Relation]bool{
	RelationBranch: true, RelationPredecessor: true, RelationFaction: true,
	RelationAffiliate: true, RelationSplinter: true, RelationAgency: true, RelationOutlet: true,
}

// Entry is one actor with everything the dictionary knows about it.
type Entry struct {
	model.Actor
	Role     model.Role // the role it takes when it puts a figure forward
	Relation Relation   // how it stands to Actor.Parent, "" when it has no parent
	Source   string     // where the entry's facts come from
}
