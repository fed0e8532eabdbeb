# orca-fixture: 3.x wait() then .state
# prefect: 3.4.20
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
        future.wait()
        if future.state.is_failed():
            print("failed")
    return [f.result() for f in futures]
