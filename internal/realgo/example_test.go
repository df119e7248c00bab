package realgo_test

import (
	"fmt"

	"lanes/internal/realgo"
)

func ExampleSummarize() {
	runs := []realgo.Result{
		{Stdout: "all done?\n", Kind: realgo.KindOK},
		{Stdout: "worker 1 done\nall done?\n", Kind: realgo.KindOK},
		{Stdout: "all done?\n", Kind: realgo.KindOK},
	}
	for _, o := range realgo.Summarize(runs) {
		fmt.Printf("%d× %s %q\n", o.Count, o.Kind, o.Stdout)
	}
	// Output:
	// 2× ok "all done?\n"
	// 1× ok "worker 1 done\nall done?\n"
}
