package shop

import (
	"context"
	"testing"
)

func TestCheckout(t *testing.T) {
	if err := Checkout(context.Background(), []string{"a"}); err != nil {
		t.Fatal(err)
	}
}
