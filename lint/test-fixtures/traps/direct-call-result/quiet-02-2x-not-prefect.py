# orca-fixture: look-alikes in 2.x: a plain function, a concurrent.futures executor, a task made with Task(...)
# prefect: 2.20.3
# rule: unknown-attribute
# lines: none
from concurrent.futures import ThreadPoolExecutor

from prefect import Task, flow


def add(x):
    return x + 1


double = Task(fn=lambda x: x * 2)


@flow
def pipeline():
    with ThreadPoolExecutor() as pool:
        fut = pool.submit(add, 1)
        value = fut.result()
    return add(value), double.submit(2).result()
