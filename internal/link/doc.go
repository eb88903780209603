// Package link owns the step between extraction and the store: it decides which mentions tell
// the same real incident (Compatible, Assign, Cluster), decides an incident's fields from a
// tally of its mentions' votes (Votes, Tally, Decide, Build), reconciles conflicting figures
// into estimates from each source's current positions (Positions, Figures, Reconcile, History)
// and recognises declared campaigns (Campaigns).
//
// Everything here is pure: mentions, summaries, document references and an actor-family
// function go in, values come out. An incident is weighed by a summary whose size does not grow
// with its number of reports: its distinct member profiles (ProfileCode), its tally and its
// current positions. The pipeline finds the incidents near a new document's mentions, lets
// Assign place the mentions among them and adds each mention to its incident by delta.
package link
