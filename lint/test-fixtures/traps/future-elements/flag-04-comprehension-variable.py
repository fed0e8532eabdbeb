# orca-fixture: a comprehension variable over a list of futures
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 16
from prefect import flow, task


@task
def check(n):
    return n > 0


@flow
def audit(ns):
    futures = check.map(ns)
    failed = [f for f in futures if f.wait().is_failed()]
    return failed
