# orca-fixture: the record handed to a task, a flow and a local helper that reads .value itself
# prefect: 2.20.3
# rule: record-used-as-value
# lines: none
from prefect import flow, task
from prefect.variables import Variable


def describe(variable):
    return variable.value


@task
def use(variable):
    return variable.value


@flow
def main():
    env = Variable.get("environment")
    use(env)
    print(describe(env))
