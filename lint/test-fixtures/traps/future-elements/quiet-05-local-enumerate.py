# orca-fixture: a local function named enumerate is not the builtin
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
from prefect import flow, task


def enumerate(items):
    return [(item, item) for item in items]


@task
def load(part):
    return part


@flow
def nightly(parts):
    futures = [load.submit(p) for p in parts]
    for i, fut in enumerate(futures):
        state = fut.wait()
        print(state.is_failed())
