"""Engine: invocation chain, sequential runner, plan and parallel executor."""
