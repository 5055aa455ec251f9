import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator';
import { EmbeddedDatabase } from '../database/embedded-database.service';
import { ShutdownState } from './shutdown-state';

/**
 * Liveness: the process answers and can still recover (an embedded database that keeps dying
 * makes it fail, so the process gets restarted). Readiness: the database answers a ping, and the
 * process is not stopping (from SIGTERM on it answers 503, so a load balancer sends elsewhere).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
    private readonly embedded: EmbeddedDatabase,
    private readonly shutdown: ShutdownState,
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
    if (this.shutdown.stopping)
      throw new ServiceUnavailableException({ status: 'error', reason: 'stopping' });
    return this.health.check([() => this.mongoose.pingCheck('database', { timeout: 2000 })]);
  }
}
