import { In, type DataSource } from 'typeorm';
import { Certificate } from './certificate.entity.js';

/** Certificates people received. Issuing them comes with the evaluation questionnaire (R-AFT-3). */
export class CertificatesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, revoked ones included (the profile marks them). */
  certificatesByPersonIds(personIds: readonly string[]): Promise<Certificate[]> {
    return this.dataSource.getRepository(Certificate).find({ where: { personId: In([...personIds]) }, order: { issuedAt: 'DESC' } });
  }
}
