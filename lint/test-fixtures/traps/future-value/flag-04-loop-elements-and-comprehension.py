# orca-fixture: each element of a comprehension of submits used as a number, and the list sorted and dumped
# prefect: 3.0.0
# rule: record-used-as-value
# lines: 18 20 21
import json

from prefect import flow, task


@task
def score(x):
    return x * 2


@flow
def ranking(xs):
    futures = [score.submit(x) for x in xs]
    doubled = [f * 2 for f in futures]
    print(doubled)
    best = sorted(futures)
    return json.dumps(futures), best
