# orca-fixture: a loop over a list filled with .append(task.submit(...))
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 20
from prefect import flow, task


@task
def load(part):
    return part


@flow
def nightly(parts):
    futures = []
    for p in parts:
        futures.append(load.submit(p))
    for future in futures:
        state = future.wait()
        if state.is_failed():
            print("failed")
