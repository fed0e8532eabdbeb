# orca-fixture: hooks that take the three arguments, by name, *args or defaults
# prefect: 3.4.20
# rule: hook-signature
# lines: none
from prefect import flow, task


def notify(flow, flow_run, state):
    print(state.name)


def anything(*args, **kwargs):
    print(args)


def extra(task, task_run, state, retries=3):
    print(retries)


@task(on_failure=[anything, extra])
def load():
    return 1


@flow(on_failure=[notify, anything], on_completion=[lambda f, r, s: print(s)])
def main():
    load()


@main.on_crashed
def crashed(flow, flow_run, state):
    print("crashed")
