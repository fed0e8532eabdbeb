# orca-fixture: a for loop over a comprehension of submits, reading state from wait()
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 18
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
            print("failed:", future.task_run_id)
