# orca-fixture: hooks given as lists or tuples, a name bound to a list, a hook from elsewhere, and the decorator form
# prefect: 3.4.20
# rule: hook-not-a-list
# lines: none
from prefect import flow, task

from alerts import page_oncall


def cleanup(flow, flow_run, state):
    print("cleanup")


HOOKS = [cleanup]


@flow(on_failure=[cleanup])
def a():
    pass


@flow(on_failure=(cleanup,))
def b():
    pass


@flow(on_failure=HOOKS)
def c():
    pass


@flow(on_failure=page_oncall)
def d():
    pass


@task
def t():
    return 1


@t.on_completion
def said(task, task_run, state):
    print("done")
