# orca-fixture: a list that also collects something other than futures
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
from prefect import flow, task


@task
def load(part):
    return part


@flow
def nightly(parts, handle):
    pending = []
    for p in parts:
        pending.append(load.submit(p))
    pending.append(handle)
    for item in pending:
        state = item.wait()
        print(state.is_failed())
