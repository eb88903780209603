// Package model holds the plain values that flow through wallwatch's pipeline:
// documents go in, mentions come out of extraction, incidents come out of linking.
// It imports nothing of ours so that every stage can share it.
package model
