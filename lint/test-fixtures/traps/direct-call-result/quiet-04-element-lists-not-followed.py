# orca-fixture: lists whose elements are futures, states, mixed, unknown or coroutines, and a local zip
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
from prefect import flow, task

from helpers import load


@task
def fetch(i: int) -> int:
    return i * 2


@task
def other(i: int) -> int:
    return i


@task
async def fetch_async(i: int) -> int:
    return i


def zip(*columns):
    return columns


@flow
def pipeline(n: int):
    futures = [fetch.submit(i) for i in range(n)]
    done = [f.result() for f in futures]
    states = [fetch(i, return_state=True) for i in range(n)]
    checked = [s.result() for s in states]
    mixed = [fetch(1), other(2)]
    first = [m.result() for m in mixed]
    topped_up = [fetch(i) for i in range(n)]
    topped_up.append(load(n))
    second = [t.result() for t in topped_up]
    maybe = [fetch(i) for i in range(n)]
    maybe.extend(load(n))
    third = [m.result() for m in maybe]
    values = [fetch(i) for i in range(n)]
    for value, label in zip(values, ["a"]):
        value.result()
    return done, checked, first, second, third


@flow
async def async_pipeline(n: int):
    pending = [fetch_async(i) for i in range(n)]
    return [p.result() for p in pending]
