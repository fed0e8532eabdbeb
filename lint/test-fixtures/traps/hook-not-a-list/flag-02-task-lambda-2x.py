# orca-fixture: a task given a lambda as its completion hook (2.x)
# prefect: 2.19.3
# rule: hook-not-a-list
# lines: 8
from prefect import task


@task(on_completion=lambda task, task_run, state: print("done"))
def load():
    return 1
