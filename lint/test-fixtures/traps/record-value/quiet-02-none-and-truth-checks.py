# orca-fixture: 2.x None checks, truthiness, isinstance and returning the record
# prefect: 2.20.3
# rule: record-used-as-value
# lines: none
from prefect.variables import Variable


def current():
    env = Variable.get("environment")
    if env is None or env == None:  # noqa: E711
        return None
    if not env:
        return None
    if isinstance(env, Variable):
        print(type(env))
    return env
