# orca-fixture: a wait read in an elif condition (no statement to put the wait before, so no automatic fix)
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 18
from prefect import flow, task


@task
def square(x):
    return x * x


@flow
def squares(xs, verbose):
    for f in square.map(xs):
        if verbose:
            print("waiting")
        elif f.wait().is_failed():
            print("failed")
