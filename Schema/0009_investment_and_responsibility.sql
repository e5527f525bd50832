-- Investment against plan, and who answers for a project.
--
-- A project's 项目业主单位 (owner), 挂钩领导 (leader) and 建设内容及规模 (scope) are dated
-- descriptive fields like its name: entries set them, spans hold them.
--
-- Investment is a series, not a state: each report is a project 'update' entry naming one of
--   invested_month_yuan   本月完成投资 for the month of its effective day;
--   invested_ytd_yuan     1-N月累计完成投资 at its effective day's month (N = that month);
--   invested_total_yuan   开工累计完成投资 at the end of its effective day's month (an opening balance);
--   plan_year + plan_investment_yuan (+ plan_image)   年度计划投资 and 形象进度计划 for a year,
--                         in force from its effective day until a later plan for the same year.
-- How they combine for a month is derived in one place (Reports/InvestmentSeries.swift); nothing
-- here is summed or overwritten. (A CHECK that is false fails; one that is NULL passes, so each
-- states its empty case first.)

ALTER TABLE entry ADD COLUMN owner TEXT CHECK (owner IS NULL OR length(owner) <= 100 AND project_id IS NOT NULL);
ALTER TABLE entry ADD COLUMN leader TEXT CHECK (leader IS NULL OR length(leader) <= 100 AND project_id IS NOT NULL);
ALTER TABLE entry ADD COLUMN scope TEXT CHECK (scope IS NULL OR length(scope) <= 500 AND project_id IS NOT NULL);
ALTER TABLE entry ADD COLUMN invested_month_yuan INTEGER CHECK (invested_month_yuan IS NULL OR invested_month_yuan >= 0 AND project_id IS NOT NULL AND action = 'update');
ALTER TABLE entry ADD COLUMN invested_ytd_yuan INTEGER CHECK (invested_ytd_yuan IS NULL OR invested_ytd_yuan >= 0 AND project_id IS NOT NULL AND action = 'update');
ALTER TABLE entry ADD COLUMN invested_total_yuan INTEGER CHECK (invested_total_yuan IS NULL OR invested_total_yuan >= 0 AND project_id IS NOT NULL AND action = 'update');
ALTER TABLE entry ADD COLUMN plan_year INTEGER CHECK (plan_year IS NULL OR plan_year BETWEEN 1990 AND 2200 AND project_id IS NOT NULL AND action = 'update');
ALTER TABLE entry ADD COLUMN plan_investment_yuan INTEGER CHECK (plan_investment_yuan IS NULL OR plan_investment_yuan >= 0 AND plan_year IS NOT NULL);
ALTER TABLE entry ADD COLUMN plan_image TEXT CHECK (plan_image IS NULL OR length(plan_image) <= 500 AND plan_investment_yuan IS NOT NULL);

ALTER TABLE project_span ADD COLUMN owner TEXT;
ALTER TABLE project_span ADD COLUMN leader TEXT;
ALTER TABLE project_span ADD COLUMN scope TEXT;

-- The sheet reads every investment report of its projects up to the month's end.
CREATE INDEX entry_investment ON entry(project_id, effective_on)
    WHERE invested_month_yuan IS NOT NULL OR invested_ytd_yuan IS NOT NULL OR invested_total_yuan IS NOT NULL OR plan_year IS NOT NULL;
