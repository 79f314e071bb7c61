-- When the retention job deleted the upload's file and its staged rows' personal data (UploadRetention).
ALTER TABLE upload ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
