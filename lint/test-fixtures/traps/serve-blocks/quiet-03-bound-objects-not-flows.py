# orca-fixture: two serve calls on objects the snippet binds to something that is not a flow
# prefect: 3.6.1
# rule: serve-blocks
# lines: none
from myapp.servers import make_server

api = make_server("api")
admin = make_server("admin")
api.serve(name="api")
admin.serve(name="admin")
