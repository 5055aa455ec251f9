import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator';
import { EmbeddedDatabase } from '../database/embedded-database.service';

/**
 * Liveness: the process answers and can still recover (an embedded database that keeps dying
 * makes it fail, so the process gets restarted). Readiness: the database answers a ping.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
    private readonly embedded: EmbeddedDatabase,
  ) {}

  @Get('live')
  @Public()
  live() {
    if (!this.embedded.recoverable)
      throw new ServiceUnavailableException({ status: 'error', reason: 'database cannot recover' });
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  ready() {
    return this.health.check([() => this.mongoose.pingCheck('database', { timeout: 2000 })]);
  }
}
