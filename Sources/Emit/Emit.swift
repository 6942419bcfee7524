public import PlanModel
