from prefect import flow, task


@task
def square(x):
    return x * x


@flow
def squares(xs, verbose):
    for f in square.map(xs):
        if verbose:
            print("waiting")
        elif f.wait().is_failed():
            print("failed")
