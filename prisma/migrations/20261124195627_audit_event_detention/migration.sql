-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_detentionId_fkey" FOREIGN KEY ("detentionId") REFERENCES "Detention"("id") ON DELETE SET NULL ON UPDATE CASCADE;
