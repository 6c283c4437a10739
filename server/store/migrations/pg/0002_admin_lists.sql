-- The admin list of bookings reads a page of bookings, then the payments of just
-- those bookings: by tenant and booking id. (The pages themselves are served by
-- bookings_by_tenant, conversations_by_tenant and leads_by_tenant from 0001.)
CREATE INDEX payments_by_booking ON payments (tenant_id, booking_id);
