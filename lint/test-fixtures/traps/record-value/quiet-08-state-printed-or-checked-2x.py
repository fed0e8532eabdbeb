# orca-fixture: a State printed, checked and read, the way a State is meant to be used (2.x)
# prefect: 2.19.3
# rule: record-used-as-value
# lines: none
from prefect import flow, task


@task
def load() -> int:
    return 1


@flow
def pipeline():
    state = load.submit().wait()
    print(state)
    if state.is_failed():
        raise RuntimeError("load failed")
    return state.result() + 1
