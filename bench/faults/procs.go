package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// children are every process the campaign started and that may still run; killChildren ends
// them all, whatever path the program leaves by.
var children struct {
	sync.Mutex
	set map[*exec.Cmd]bool
}

func track(cmd *exec.Cmd, on bool) {
	children.Lock()
	defer children.Unlock()
	if children.set == nil {
		children.set = map[*exec.Cmd]bool{}
	}
	if on {
		children.set[cmd] = true
	} else {
		delete(children.set, cmd)
	}
}

func killChildren() {
	children.Lock()
	defer children.Unlock()
	for cmd := range children.set {
		if cmd.Process != nil {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	}
}

// proc is one long-running tilmash process (serve or worker) under its name.
type proc struct {
	args   []string
	cmd    *exec.Cmd
	exited chan struct{}
}

// procSet runs the tilmash processes of one trial, each in its own process group, with output
// appended to DIR/NAME.log.
type procSet struct {
	bin string
	dir string
	env []string

	mu    sync.Mutex
	procs map[string]*proc
}

func newProcSet(bin, dir string, env []string) *procSet {
	return &procSet{bin: bin, dir: dir, env: env, procs: map[string]*proc{}}
}

// start runs a process under name with args; a process of that name must not be running.
func (s *procSet) start(name string, args ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.procs[name]; p != nil && !p.done() {
		return fmt.Errorf("%s is already running", name)
	}
	logf, err := os.OpenFile(s.dir+"/"+name+".log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	fmt.Fprintf(logf, "---- %s start: %s\n", time.Now().Format(time.RFC3339Nano), strings.Join(args, " "))
	cmd := exec.Command(s.bin, args...)
	cmd.Dir = s.dir
	cmd.Env = s.env
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = childAttr()
	if err := cmd.Start(); err != nil {
		_ = logf.Close()
		return err
	}
	track(cmd, true)
	p := &proc{args: args, cmd: cmd, exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		_ = logf.Close()
		track(cmd, false)
		close(p.exited)
	}()
	s.procs[name] = p
	return nil
}

func (p *proc) done() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// restart starts name again with the arguments it last ran with.
func (s *procSet) restart(name string) error {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	if p == nil {
		return fmt.Errorf("no process %s", name)
	}
	return s.start(name, p.args...)
}

// kill sends SIGKILL to name's process group and waits until it is gone.
func (s *procSet) kill(name string) {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	if p == nil || p.done() {
		return
	}
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	<-p.exited
}

// stop asks name to shut down (SIGTERM) and kills it if it is not gone within grace. It reports
// whether the process left by itself.
func (s *procSet) stop(name string, grace time.Duration) bool {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	if p == nil || p.done() {
		return true
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		return true
	case <-time.After(grace):
	}
	s.kill(name)
	return false
}

func (s *procSet) names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for n := range s.procs {
		out = append(out, n)
	}
	return out
}

// killAll kills every process of the set.
func (s *procSet) killAll() {
	for _, n := range s.names() {
		s.kill(n)
	}
}

// stopAll stops every process of the set at once, each with grace, and returns how many had to
// be killed.
func (s *procSet) stopAll(grace time.Duration) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	killed := 0
	for _, n := range s.names() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !s.stop(n, grace) {
				mu.Lock()
				killed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return killed
}

// runCLI runs a one-shot tilmash command and returns its standard output.
func runCLI(ctx context.Context, bin, dir string, env []string, stdin string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.SysProcAttr = childAttr()
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	track(cmd, true)
	err := cmd.Wait()
	track(cmd, false)
	if err != nil {
		return "", fmt.Errorf("tilmash %s: %w: %s", strings.Join(args, " "), err, lastLines(errOut.String(), 5))
	}
	return out.String(), nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
