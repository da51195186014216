export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, type BackupFileV1 } from './format';
export { backupChunks, exportBackup, type BackupFileV2, type BackupSource } from './export';
export { parseBackup, type BackupData, type ParseBackupResult } from './parse';
export { importBackup, loadBackupSource, mergeBackup, type ImportResult, type MergeOutcome } from './merge';
export { exportCsv } from './csv';
