package site

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"lanes/course"
)

// busyPages are a page of each kind a browser navigates to.
var busyPages = []string{"/lesson/hello?seed=6", "/embed/hello?seed=6&theme=dark", "/p/demo?seed=701&strategy=pct",
	"/embed/p/demo?seed=702&strategy=pct&theme=dark", "/play?seed=3", "/?theme=dark"}

// shortPageWait makes PageWait short for a test.
func shortPageWait(t *testing.T) {
	old := PageWait
	PageWait = 20 * time.Millisecond
	t.Cleanup(func() { PageWait = old })
}

func demoPlay() *Play {
	return &Play{Programs: map[string]string{"demo": "package main\n\nfunc main() {}\n"}}
}

// checkBusyCopy says what is wrong with w as the busy copy of page p: a
// 200 with the page prerendered without its run, never kept by anyone.
func checkBusyCopy(t *testing.T, p string, w *httptest.ResponseRecorder) {
	t.Helper()
	code, body := w.Code, w.Body.String()
	if code != http.StatusOK || !strings.Contains(body, "<!DOCTYPE html>") {
		t.Errorf("GET %s while busy: %d %.80q, want 200 with the page", p, code, body)
	}
	if !strings.Contains(body, "without its run") {
		t.Errorf("GET %s while busy: not prerendered without its run (course.WithoutRun)", p)
	}
	if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("GET %s while busy: Cache-Control %q, want no-store", p, cc)
	}
	if e := w.Header().Get("ETag"); e != "" {
		t.Errorf("GET %s while busy: ETag %s on the busy copy", p, e)
	}
	if w.Header().Get("Retry-After") != "" {
		t.Errorf("GET %s while busy: Retry-After on a page", p)
	}
}

// TestBusyPageNotBare503: with the site's only slot held and no queue,
// every kind of page still answers 200 with the page, after PageWait,
// without its run and no-store; once the slot is free the real page is
// made (the busy copy was not kept).
func TestBusyPageNotBare503(t *testing.T) {
	shortPageWait(t)
	ts := newTestSitePlay(t, 1, 0, demoPlay())
	ts.hold.Store(true)
	first := make(chan int)
	go func() { first <- ts.get("/svg/hello.svg?seed=5").Code }() // holds the slot
	<-ts.entered
	for _, p := range busyPages {
		w := ts.get(p)
		checkBusyCopy(t, p, w)
	}
	close(ts.release)
	if code := <-first; code != 200 {
		t.Errorf("the held run: %d", code)
	}
	for _, p := range busyPages {
		w := ts.get(p)
		if w.Code != 200 || strings.Contains(w.Body.String(), "without its run") || w.Header().Get("Cache-Control") == "no-store" {
			t.Errorf("GET %s once free: %d, Cache-Control %q; want the real page (was the busy copy kept?)", p, w.Code, w.Header().Get("Cache-Control"))
		}
	}
}

// TestBusyCourseRefusesRun: a page that gets a slot but whose run the
// course refuses (course.ErrBusy: its slots are held by other callers) is
// served without its run too.
func TestBusyCourseRefusesRun(t *testing.T) {
	shortPageWait(t)
	ts := newTestSite(t, 1, 0)
	ts.hold.Store(true)
	done := make(chan error)
	go func() {
		_, err := ts.site.Course.Run("hello", "", course.ViewState{Seed: 5}) // takes the course's slot, not the site's
		done <- err
	}()
	<-ts.entered
	for _, p := range []string{"/lesson/hello?seed=6", "/embed/hello?seed=7"} {
		w := ts.get(p)
		checkBusyCopy(t, p, w)
	}
	close(ts.release)
	if err := <-done; err != nil {
		t.Errorf("the held run: %v", err)
	}
}

// TestBusyFlood: twelve readers open embeds of one program and of a
// lesson at once, each with its own seed (the reviewer's test): each
// gets the page, none the bare 503.
func TestBusyFlood(t *testing.T) {
	shortPageWait(t)
	ts := newTestSitePlay(t, 1, 2, demoPlay())
	var wg sync.WaitGroup
	for i := range 12 {
		for _, p := range []string{"/embed/p/demo?strategy=pct&seed=", "/embed/hello?theme=dark&seed="} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := fmt.Sprint(p, 701+i)
				w := ts.get(p)
				if w.Code != 200 || !strings.Contains(w.Body.String(), "<!DOCTYPE html>") {
					t.Errorf("GET %s in a flood: %d %.80q", p, w.Code, w.Body.String())
				}
			}()
		}
	}
	wg.Wait()
}
