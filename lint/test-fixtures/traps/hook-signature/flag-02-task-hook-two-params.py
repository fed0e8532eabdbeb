# orca-fixture: a 3.x task's on_completion hook without the task argument, annotation kept by the fix
# prefect: 3.4.20
# rule: hook-signature
# lines: 9
from prefect import task
from prefect.states import State


def record(task_run, state: State):
    print(task_run.name, state.type)


@task(on_completion=[record])
def load():
    return 1
