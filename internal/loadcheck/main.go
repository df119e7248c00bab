// Command loadcheck is `make load`: it builds `lanes`, serves it on a
// loopback port as a subprocess, and measures it, bounded in requests and
// time, then writes its section of BENCHMARKS.md (replacing its own
// section if present).
//
// Terms. A phase sends a fixed number of GET requests from a number of
// concurrent clients (or stops at its time bound) and reports requests/s,
// p50 and p99 latency, errors (transport errors and statuses other than
// those expected) and 503s (the designed answer of a busy simulator),
// counted apart. RSS is the server's resident set (/proc/PID/status
// VmRSS; VmHWM is its peak).
//
// Phases: a cached lesson page, a small static file (/web/lanes.css),
// /web/app.wasm in brotli, /oembed, and a flood: 50 clients asking for
// random seeds of the heaviest variant (over-concurrency's pool), while
// two clients ask for ordinary cached lesson pages, whose p99 is reported.
//
// With -ratio it measures only the cached lesson page against the small
// static file (at -c clients; `make bench` uses 50) and appends their
// requests/s to -figures as rps.page and rps.static (internal/budget
// judges them); it writes no section then.
//
// Usage: go run ./internal/loadcheck [-out BENCHMARKS.md] [-flood 20s]
//
//	go run ./internal/loadcheck -ratio -c 50 -figures build/bench/figures.txt
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	out := flag.String("out", "BENCHMARKS.md", "file to write the section into")
	flood := flag.Duration("flood", 20*time.Second, "how long the flood lasts")
	serve := flag.String("serve", "", "more flags for lanes serve, space-separated (e.g. \"-runs 1\")")
	flooder := flag.String("flooder", "", "internal: be the flood's client process for this base URL")
	ratio := flag.Bool("ratio", false, "measure only the cached page against the static file, append to -figures")
	figures := flag.String("figures", "", "with -ratio: the figures file to append rps.page and rps.static to")
	conc := flag.Int("c", 8, "concurrent clients of the page and static-file phases")
	flag.Parse()
	if *flooder != "" {
		floodFrom(*flooder, *flood)
		return
	}
	if *ratio && *figures == "" || *conc < 1 {
		fmt.Fprintln(os.Stderr, "loadcheck: -ratio needs -figures; -c must be at least 1")
		os.Exit(2)
	}
	o := options{out: *out, flood: *flood, serveFlags: strings.Fields(*serve), ratio: *ratio, figures: *figures, c: *conc}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "loadcheck:", err)
		os.Exit(1)
	}
}

// result is one phase's figures.
type result struct {
	name          string
	n, errs, busy int
	elapsed       time.Duration
	lat           []time.Duration // of the successful requests
}

func (r result) rps() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	s := slices.Clone(r.lat)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func (r result) row() string {
	return fmt.Sprintf("| %s | %d | %.0f | %.1f ms | %.1f ms | %d | %d |", r.name, r.n, r.rps(),
		ms(r.pct(0.50)), ms(r.pct(0.99)), r.errs, r.busy)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// load sends n requests (url(i) for the i-th) from c clients, stopping at
// the deadline.
func load(client *http.Client, name string, n, c int, deadline time.Duration, url func(i int) string, accept string) result {
	var (
		mu   sync.Mutex
		res  = result{name: name}
		next atomic.Int64
		wg   sync.WaitGroup
	)
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	start := time.Now()
	for range c {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url(i), nil)
				if accept != "" {
					req.Header.Set("Accept-Encoding", accept)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				code := 0
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					code = resp.StatusCode
				}
				d := time.Since(t0)
				if ctx.Err() != nil {
					return // cut by the deadline: not counted
				}
				mu.Lock()
				res.n++
				switch {
				case err != nil || code != 200 && code != 503:
					res.errs++
				case code == 503:
					res.busy++
				default:
					res.lat = append(res.lat, d)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// floodLesson is the flood's target: random seeds of the heaviest variant.
const floodLesson = "/lesson/over-concurrency?variant=pool&seed="

// floodFrom is the flood's client process: 50 clients for d, then its
// result as JSON on stdout. The flood runs in its own process so that its
// 50 goroutines do not queue the readers' requests in the measuring one.
func floodFrom(base string, d time.Duration) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	seeds := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var seedMu sync.Mutex
	r := load(client, "flood", 1<<30, 50, d, func(int) string {
		seedMu.Lock()
		defer seedMu.Unlock()
		return base + floodLesson + strconv.Itoa(2+seeds.IntN(1_000_000))
	}, "br")
	json.NewEncoder(os.Stdout).Encode(floodResult{N: r.n, Errs: r.errs, Busy: r.busy, Elapsed: r.elapsed, Lat: r.lat})
}

type floodResult struct {
	N, Errs, Busy int
	Elapsed       time.Duration
	Lat           []time.Duration
}

// floodProcess runs the flood in a child process (this program, -flooder).
func floodProcess(base string, d time.Duration) (result, error) {
	self, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	cmd := exec.Command(self, "-flooder", base, "-flood", d.String())
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("the flood's process: %w", err)
	}
	var fr floodResult
	if err := json.Unmarshal(out, &fr); err != nil {
		return result{}, err
	}
	return result{name: "flood: random seeds of over-concurrency's pool (50 clients, another process)",
		n: fr.N, errs: fr.Errs, busy: fr.Busy, elapsed: fr.Elapsed, lat: fr.Lat}, nil
}

// merge sums two rounds of one phase.
func merge(a, b result) result {
	b.n += a.n
	b.errs += a.errs
	b.busy += a.busy
	b.elapsed += a.elapsed
	b.lat = append(a.lat, b.lat...)
	return b
}

// rss reads the server's VmRSS and VmHWM in MB.
func rss(pid int) (cur, peak float64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			cur = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return cur, peak
}

// options are the command's flags.
type options struct {
	out        string
	flood      time.Duration
	serveFlags []string
	ratio      bool   // only the page against the static file
	figures    string // with ratio: append rps.page and rps.static here
	c          int    // clients of the page and static phases
}

func run(o options) error {
	out, flood, serveFlags := o.out, o.flood, o.serveFlags
	tmp, err := os.MkdirTemp("", "loadcheck")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "lanes")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building lanes: %w", err)
	}
	srv := exec.Command(bin, append([]string{"serve", "-addr", "127.0.0.1:0"}, serveFlags...)...)
	stderr, err := srv.StderrPipe()
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			srv.Process.Kill()
		}
	}()
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving on (http://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(time.Minute):
		return fmt.Errorf("lanes serve did not start")
	}
	pid := srv.Process.Pid
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 64, MaxConnsPerHost: 0}, Timeout: 30 * time.Second}

	const lesson = "/lesson/over-concurrency" // the heaviest lesson (its page: 43 KB in brotli)
	const typical = "/lesson/race-to-exit"    // a typical one (10 KB)
	cached := []string{"/lesson/over-concurrency", "/lesson/race-to-exit", "/lesson/counter", "/embed/golden-rule", "/"}
	// Warm up: the cached pages, once each, and the server's own files.
	for _, p := range append(cached, typical, "/web/lanes.css", "/oembed?url="+base+lesson) {
		load(client, "warm", 2, 1, time.Minute, func(int) string { return base + p }, "br")
	}
	rssBefore, _ := rss(pid)

	var rows []result
	n, c := 6000, o.c
	// The page and the static file in alternating rounds, so that the
	// machine's other load weighs on both alike; their rounds are summed.
	var page, static result
	for range 10 {
		page = merge(page, load(client, "cached lesson page "+typical+" (br)", n/10, c, time.Minute, func(int) string { return base + typical }, "br"))
		static = merge(static, load(client, "small static file /web/lanes.css (br)", n/10, c, time.Minute, func(int) string { return base + "/web/lanes.css" }, "br"))
	}
	if o.ratio {
		fmt.Printf("%s\n%s\nratio %.2f\n", page.row(), static.row(), page.rps()/static.rps())
		f, err := os.OpenFile(o.figures, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(f, "rps.page %.1f\nrps.static %.1f\n", page.rps(), static.rps())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	heavy := load(client, "cached lesson page "+lesson+" (br)", n, c, time.Minute, func(int) string { return base + lesson }, "br")
	wasm := load(client, "/web/app.wasm (br)", 100, 4, time.Minute, func(int) string { return base + "/web/app.wasm" }, "br")
	oembed := load(client, "/oembed", n, c, time.Minute, func(int) string { return base + "/oembed?url=" + base + lesson }, "br")
	rows = append(rows, page, static, heavy, wasm, oembed)

	// The flood, and ordinary readers beside it.
	var readers result
	done := make(chan struct{})
	go func() {
		readers = load(client, "cached lesson pages during the flood (2 clients)", 1<<30, 2, flood,
			func(i int) string { return base + cached[i%len(cached)] }, "br")
		close(done)
	}()
	fl, err := floodProcess(base, flood)
	<-done
	if err != nil {
		return err
	}
	rows = append(rows, fl, readers)
	rssAfter, rssPeak := rss(pid)

	var b strings.Builder
	fmt.Fprintf(&b, "## Load (make load)\n\nWritten by `make load` (internal/loadcheck; %s, %d CPUs, %s): `lanes serve` on a loopback port, "+
		"a client in another process on the same machine (lanes serve %s). **Measured on a busy machine** (several agents building and testing at once): "+
		"absolute figures vary from run to run; compare figures of one run.\n\n", runtime.Version(), runtime.NumCPU(), time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		strings.TrimSpace("-addr 127.0.0.1:0 "+strings.Join(serveFlags, " ")))
	b.WriteString("| phase | requests | req/s | p50 | p99 | errors | 503 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rows {
		b.WriteString(r.row() + "\n")
	}
	fmt.Fprintf(&b, "\nServer RSS: %.0f MB before the phases, %.0f MB after the flood, peak %.0f MB.\n\n", rssBefore, rssAfter, rssPeak)
	ratio := page.rps() / static.rps()
	check := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	fmt.Fprintf(&b, "Targets (issue 12): during the flood, cached lesson pages p99 ≤ 100 ms: %.1f ms, %s; "+
		"RSS < 300 MB: peak %.0f MB, %s; errors other than the designed 503s: %d, %s; "+
		"a cached lesson page (%s) at ≥ 80%% of a small static file's requests/s: %.0f%%, %s.\n\n",
		ms(readers.pct(0.99)), check(readers.pct(0.99) <= 100*time.Millisecond),
		rssPeak, check(rssPeak < 300), fl.errs+readers.errs+page.errs+static.errs+heavy.errs+oembed.errs+wasm.errs,
		check(fl.errs+readers.errs+page.errs+static.errs+heavy.errs+oembed.errs+wasm.errs == 0),
		typical, 100*ratio, check(ratio >= 0.8))
	fmt.Print(b.String())
	return writeSection(out, b.String())
}

// writeSection replaces the "## Load" section of file (up to the next
// "## " heading) with section, or appends it.
func writeSection(file, section string) error {
	old, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	s := string(old)
	const head = "## Load (make load)"
	if i := strings.Index(s, head); i >= 0 {
		rest := s[i+len(head):]
		end := len(s)
		if j := strings.Index(rest, "\n## "); j >= 0 {
			end = i + len(head) + j + 1
		}
		s = s[:i] + section + s[end:]
	} else {
		if s != "" && !strings.HasSuffix(s, "\n\n") {
			s = strings.TrimRight(s, "\n") + "\n\n"
		}
		s += section
	}
	return os.WriteFile(file, []byte(s), 0o644)
}
