-- Milestones and figures are looked up by their subject (a project's next milestone, an import's
-- "already there?" check, a park's figures); an entry's add is looked up by subject and action.
CREATE INDEX milestone_project ON milestone(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX milestone_parcel ON milestone(parcel_id) WHERE parcel_id IS NOT NULL;
CREATE INDEX milestone_park ON milestone(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX milestone_tenant ON milestone(tenant_id) WHERE tenant_id IS NOT NULL;
CREATE INDEX figure_park ON figure(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX project_parcel ON project(parcel_id) WHERE parcel_id IS NOT NULL;
