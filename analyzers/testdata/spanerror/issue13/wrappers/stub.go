package wrappers

import "errors"

// errStub is what the stubs of this package return: they can fail, as the
// functions they stand for can (a function that only returns nil never fails).
var errStub = errors.New("stub failure")
