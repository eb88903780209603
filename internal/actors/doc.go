// Package actors owns wallwatch's actor dictionary: armed groups, state forces and prison
// services, governments, independent monitors and media outlets, with their aliases, their
// parent organisations and the role they take when they put a figure forward.
//
// Extraction uses [Dictionary.Find] to spot actors in a document and [Dictionary.RoleOf] to
// classify claimants; linking uses [Dictionary.Family] to decide whether two perpetrator names
// contradict each other; the API and UI use [Dictionary.Get] and [Dictionary.All] for actor
// pages. The data is a TSV file embedded in the binary (data/actors.tsv, described in
// data/README.md) that users can extend with files of the same format.
//
// The package imports only model and the standard library.
package actors
