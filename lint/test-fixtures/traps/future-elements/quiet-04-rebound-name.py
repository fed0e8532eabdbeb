# orca-fixture: the loop name is bound again to something else
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
from prefect import flow, task


@task
def load(part):
    return part


@flow
def nightly(parts, handles):
    futures = [load.submit(p) for p in parts]
    for f in futures:
        f.wait()
    for f in handles:
        state = f.wait()
        print(state.is_failed())
