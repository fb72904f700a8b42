// `pnpm bench` entry point. Benchmarks are specified in issue #10 and not written yet:
// say so plainly instead of printing numbers that measure nothing.
console.log('No benchmarks are defined yet (see the benchmarks issue); nothing was measured.')
