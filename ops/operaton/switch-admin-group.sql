-- Switching an existing Shequ Flow database from Camunda 7.24 to the Operaton variant
-- (docs/operaton.md): the engine's administrators' group is operaton-admin, not camunda-admin.
-- Moves the group, its members and its authorizations; everything else stays as it is.
-- Standard SQL (MariaDB/MySQL and H2). Run once, with the application stopped, after a backup.
insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_)
  select 'operaton-admin', 1, NAME_, TYPE_ from ACT_ID_GROUP
  where ID_ = 'camunda-admin'
    and not exists (select 1 from ACT_ID_GROUP g where g.ID_ = 'operaton-admin');
insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_)
  select m.USER_ID_, 'operaton-admin' from ACT_ID_MEMBERSHIP m
  where m.GROUP_ID_ = 'camunda-admin'
    and not exists (select 1 from ACT_ID_MEMBERSHIP n where n.USER_ID_ = m.USER_ID_ and n.GROUP_ID_ = 'operaton-admin');
update ACT_RU_AUTHORIZATION set GROUP_ID_ = 'operaton-admin'
  where GROUP_ID_ = 'camunda-admin'
    and not exists (select 1 from (select * from ACT_RU_AUTHORIZATION) a
                    where a.GROUP_ID_ = 'operaton-admin' and a.TYPE_ = ACT_RU_AUTHORIZATION.TYPE_
                      and a.RESOURCE_TYPE_ = ACT_RU_AUTHORIZATION.RESOURCE_TYPE_
                      and a.RESOURCE_ID_ = ACT_RU_AUTHORIZATION.RESOURCE_ID_);
delete from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'camunda-admin';
delete from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'camunda-admin';
delete from ACT_ID_GROUP where ID_ = 'camunda-admin';
