import json

from prefect import flow, task


@task
def score(x):
    return x * 2


@flow
def ranking(xs):
    futures = [score.submit(x) for x in xs]
    doubled = [f.result() * 2 for f in futures]
    print(doubled)
    best = sorted([f.result() for f in futures])
    return json.dumps([f.result() for f in futures]), best
