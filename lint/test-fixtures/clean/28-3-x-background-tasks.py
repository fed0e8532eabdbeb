# orca-fixture: 3.x background tasks
# prefect: 3.4.20
from prefect import task
from prefect.task_worker import serve

@task
def send_email(to: str) -> str:
    return f"sent to {to}"

if __name__ == "__main__":
    future = send_email.delay("someone@example.com")
    serve(send_email)
