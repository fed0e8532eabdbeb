# orca-fixture: the State 2.x fut.wait() returns, added to as if it were the task's result
# prefect: 2.19.3
# rule: record-used-as-value
# lines: 16
from prefect import flow, task


@task
def load() -> int:
    return 1


@flow
def pipeline():
    res = load.submit().wait()
    print(res + 1)
