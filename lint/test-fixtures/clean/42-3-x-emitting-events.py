# orca-fixture: 3.x emitting events
# prefect: 3.4.20
from prefect.events import emit_event

emit_event(event="orders.loaded", resource={"prefect.resource.id": "orders.daily"}, payload={"rows": 10})
