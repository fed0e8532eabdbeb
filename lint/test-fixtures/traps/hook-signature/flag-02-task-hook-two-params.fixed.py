from prefect import task
from prefect.states import State


def record(task, task_run, state: State):
    print(task_run.name, state.type)


@task(on_completion=[record])
def load():
    return 1
