"""Handing work to worker threads and results back to the GUI thread without a stall or a
crash: the newest-job-wins worker, the relay to the GUI thread, garbage collection there."""
