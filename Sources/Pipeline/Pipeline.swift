public import PlanModel
internal import Ingest
internal import Normalize
internal import Emit
