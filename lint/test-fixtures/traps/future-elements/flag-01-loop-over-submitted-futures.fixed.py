from prefect import flow, task


@task
def load(part):
    return part


@flow
def nightly(parts):
    futures = [load.submit(p) for p in parts]
    for future in futures:
        future.wait()
        state = future.state
        if state.is_failed():
            print("failed:", future.task_run_id)
