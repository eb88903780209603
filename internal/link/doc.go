// Package link owns the step between extraction and the store: it decides which mentions tell
// the same real incident (Compatible, Cluster), keeps incident ids stable across runs (AssignIDs),
// builds one incident per cluster (Build), reconciles conflicting figures into estimates with
// their history (Reconcile) and recognises declared campaigns (Campaigns).
//
// Everything here is pure: mentions, document references and an actor-family function go in,
// values come out. The pipeline fetches candidate mentions from the store, calls Cluster on the
// union of new and candidate mentions and writes the built incidents back. The result depends
// only on the set of mentions, never on their order.
package link
