# orca-fixture: 2.x wait() returned the State
# prefect: 2.20.3
# rule: unknown-attribute
# lines: none
from prefect import flow, task


@task
def load(part):
    return part


@flow
def nightly(parts):
    futures = [load.submit(p) for p in parts]
    for future in futures:
        state = future.wait()
        if state.is_failed():
            print("failed")
