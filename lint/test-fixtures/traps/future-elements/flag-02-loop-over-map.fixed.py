from prefect import flow, task


@task
def square(x):
    return x * x


@flow
def squares(xs):
    for f in square.map(xs):
        f.wait()
        if f.state.is_completed():
            print(f.result())
